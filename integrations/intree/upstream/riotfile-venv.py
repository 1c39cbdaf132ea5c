Venv(
    name="memcached",
    command="pytest {cmdargs} tests/contrib/memcached",
    pys=select_pys(),
    pkgs={
        "pymemcache": ["~=4.0.0", latest],
    },
),
