"""The site's generated pages and page transforms, independent of MkDocs.

`tooling.mkdocs_plugin` calls into here on MkDocs events; nothing here imports mkdocs.
"""
