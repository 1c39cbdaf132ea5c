"""Exercise mode: the chapters as notebooks the learner completes, judged by the checks.

    make exercises                      # exercises/NN-*.md and .ipynb, exercises/memcached/
    %load_ext practice                  # in an exercise notebook (the workbench's magics too)

practice.chapters finds the exercise cells, practice.starters turns solutions into
starters, practice.notebooks writes the notebooks, practice.learner looks after the
learner's package, practice.magics is the notebook side.
"""


def load_ipython_extension(ipython) -> None:
    import workbench
    from practice.magics import PracticeMagics

    workbench.load_ipython_extension(ipython)
    ipython.register_magics(PracticeMagics)
