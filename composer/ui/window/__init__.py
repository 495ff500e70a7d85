"""The composer window (`composer_window`) and the helpers it hands its work to: menus, dialogs
it opens, the parts built after the first paint, where it sits on the screen, the outbox and
autosave. The helpers share the window's `state` (draft, accounts, settings, store), never the
window itself.
"""
