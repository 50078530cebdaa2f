"""Where instructors find packages: "Import a course package" in the menu and on the course
index, "Export as package" and "Update from a package" in each course's menus."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from courses.models import CourseIndexPage, CoursePage
from courses.scope import request_user_teaches_a_course
from packages.views import (
    PackageImportView,
    can_change_course,
    can_import_new,
    can_use_packages,
    import_url,
    package_export_view,
)


@hooks.register("register_admin_urls")
def register_package_urls():
    return [
        path("packages/import/", PackageImportView.as_view(), name="packages_import"),
        path("packages/export/<id:page_id>/", package_export_view, name="packages_export"),
    ]


class PackageMenuItem(MenuItem):
    def is_shown(self, request):
        # The instructor menu's own (memoised) question first: no extra query for instructors.
        return request_user_teaches_a_course(request) or can_use_packages(request.user)


@hooks.register("register_admin_menu_item")
def register_package_menu_item():
    return PackageMenuItem(
        "Import course", reverse("packages_import"), icon_name="upload", order=205
    )


class ExportButton(PageMenuItem):
    label = "Export as package (.zip)"
    icon_name = "download"
    url_name = "packages_export"

    def is_shown(self, user):
        return can_change_course(user, self.page, publish=False)


class UpdateButton(PageMenuItem):
    label = "Update from a package"
    icon_name = "upload"

    def is_shown(self, user):
        return can_change_course(user, self.page, publish=True)


class ImportButton(PageMenuItem):
    label = "Import a course package"
    icon_name = "upload"

    def is_shown(self, user):
        return can_import_new(user)


def _buttons(page):
    if issubclass(page.specific_class or object, CoursePage):
        yield ExportButton(page=page, priority=45)
        yield UpdateButton(page=page, url=import_url(update=True), priority=46)
    elif issubclass(page.specific_class or object, CourseIndexPage):
        yield ImportButton(page=page, url=import_url(), priority=45)


@hooks.register("register_page_listing_more_buttons")
def package_listing_buttons(page, user, next_url=None):
    yield from _buttons(page)


@hooks.register("register_page_header_buttons")
def package_header_buttons(page, user, view_name, next_url=None):
    yield from _buttons(page)


@hooks.register("register_log_actions")
def register_package_log_actions(actions):
    actions.register_action("packages.import", "Import course package", "Imported from a package")
    actions.register_action("packages.export", "Export course package", "Exported as a package")
