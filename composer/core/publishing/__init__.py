"""Sending a message out: the publish job with the website first and the networks after it
(`publisher`), deleting a published message everywhere (`deleting`), and reading how its
copies were received (`reception`: the figures, `receiving`: reading them).
"""
