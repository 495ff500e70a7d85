"""The organisation's own website on WordPress (5.6 and later): its REST API with an
application password that the person makes in their own WordPress profile.

`connect.py` finds the REST root, checks who the password belongs to, what they may do
(publish, or only submit for review) and which post types and categories they can use. What
it keeps (`Connected.settings`: `rest_root`, `user`, `post_type`, `rest_base`,
`can_publish`...) is what publishing will need. Publishing is not built yet: the registry has
no destination for this kind, so the window and `omroeper publish` do not offer it as a target.
"""
