"""The draft's photos in the window: the list of photo cards with their alt text (`strip`, `row`,
`card`, `widgets`), where photos come from (`sources`), thumbnails, and the photos fitted per
destination for the previews (`fitting`).
"""
