"""Site package of the Saxony life-science knowledge hub.

Plain Python (no MkDocs events): strict YAML loading, data models, validation and rendering
helpers. The MkDocs entry modules in ``hooks/*.py`` call into this package.
"""
