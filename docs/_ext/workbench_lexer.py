"""Highlight the body of a ``%%integration_file`` cell as Python on the site.

The IPython lexer highlights the bodies of the cell magics it knows (``%%writefile``,
``%%timeit``, ...) and leaves any other magic's body as plain text. The walkthrough writes
its integration in ``%%integration_file`` cells (see workbench/), so teach the lexer
that this one holds Python too.
"""

from ipython_pygments_lexers import IPython3Lexer
from pygments.lexer import bygroups, using
from pygments.lexers import PythonLexer
from pygments.token import Keyword, Operator, Text


class WorkbenchIPython3Lexer(IPython3Lexer):
    name = "IPython3 with the guide's workbench magics"
    tokens = {
        "root": [
            (r"(?s)(\s*)(%%)(integration_file)([^\n]*\n)(.*)",
             bygroups(Text, Operator, Keyword, Text, using(PythonLexer))),
            *IPython3Lexer.tokens["root"],
        ]
    }


def setup(app):
    app.add_lexer("ipython3", WorkbenchIPython3Lexer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
