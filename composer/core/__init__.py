"""The Qt-free core: drafts, text rules, analysis. Nothing here may import Qt."""
