"""The Instructors group: admin access, page authoring and media; no user management."""

from django.contrib.auth.models import Group, Permission

INSTRUCTORS = "Instructors"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


_instructor_models: dict = {}
ALL_ACTIONS = ("add", "change", "delete", "view")


def register_instructor_models(*models, actions=ALL_ACTIONS) -> None:
    """Other apps name models instructors work with in the admin, and what they may do."""
    for model in models:
        _instructor_models[model] = tuple(actions)


def _permission(model, codename: str) -> Permission:
    """Fetch a permission, creating it if post_migrate has not reached its app yet."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def instructors_group_ensure() -> Group:
    """Create or complete the group; safe to run after every migrate."""
    from wagtail.admin.models import Admin
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    group, _ = Group.objects.get_or_create(name=INSTRUCTORS)
    group.permissions.add(_permission(Admin, "access_admin"))
    root_page = Page.get_first_root_node()
    if root_page is not None:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=_permission(Page, codename),
            )
    for model, actions in _instructor_models.items():
        for action in actions:
            group.permissions.add(_permission(model, f"{action}_{model._meta.model_name}"))
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        models = {"wagtailimages": Image, "wagtaildocs": Document}
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(models[app_label], codename),
            )
    return group


def on_post_migrate(sender, **kwargs):
    # Idempotent, so it can run after each of our apps: the last run sees every registered model.
    if sender.name in {"courses", "quizzes", "certificates"}:
        instructors_group_ensure()
