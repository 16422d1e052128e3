"""``codehealth lsp``: a language server for editors. Pure core: ``analysis`` (a buffer's
content -> diagnostics and lenses) and ``features`` (hover, code actions); run step:
``session`` (the project's settings and the open buffers); the click ``command``. The
protocol itself is ``codehealth.adapters.lsp_server``'s."""
