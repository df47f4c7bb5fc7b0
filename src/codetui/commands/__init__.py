"""CLI subcommands: one module each with ``add_arguments(parser)`` and ``run(args) -> int``.

Modules keep heavy imports inside ``run`` so ``codetui --help`` stays fast.
"""
