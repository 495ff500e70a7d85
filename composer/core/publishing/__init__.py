"""Sending a message out: the publish job with the website first and the networks after it
(`publisher`), changing a published message everywhere (`editing`), deleting it everywhere
(`deleting`), and reading how its copies were received (`reception`: the figures,
`receiving`: reading them).
"""
