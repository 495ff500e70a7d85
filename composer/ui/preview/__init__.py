"""The live previews: a tab per destination (`panel`, `preview`), each post drawn as the network
draws it (`card`, `parts`, `images`, `pixmaps`) with its link card (`link_card`, `link_text`,
`link_pictures`).
"""
