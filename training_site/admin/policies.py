"""The one permission policy of models that change only through their services."""

from django.contrib.auth import get_user_model

from wagtail.permission_policies import ModelPermissionPolicy

GENERIC_CHANGES = ("add", "change", "delete")


class ThroughServicesPolicy(ModelPermissionPolicy):
    """A model's Django permissions, minus the generic admin actions its services own.

    Changes go through services, which check the rules, record who and when, and tell the
    people concerned; the admin's generic add, edit and delete forms would go around them. So
    the actions in `refused` are refused whatever permissions a user holds, and the admin hides
    their buttons and answers 403 at their URLs. Enrollments refuse all three; a grant of a
    role is made or withdrawn, never edited (`refused=("change",)`); a deletion request comes
    from its owner and is never deleted (`refused=("add", "delete")`); a study-visit request
    comes from the public form (`refused=("add",)`); certificates refuse all three.

    The project's own admin views that call the services (certificate issuance) ask
    `user_may_act_through_services`: the same Django permission, without the refusal.
    """

    def __init__(self, model, *, refused=GENERIC_CHANGES, auth_model=None):
        super().__init__(model, auth_model=auth_model)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions) - self.refused
        if not actions:  # Wagtail would still list the superusers
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)

    def user_may_act_through_services(self, user, action):
        """Whether the user holds the Django permission for `action`, which the services' own
        admin views require, although the generic form for it is refused."""
        return super().user_has_permission(user, action)
