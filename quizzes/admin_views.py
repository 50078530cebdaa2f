"""Question editor views: creating a question is idempotent.

Wagtail's editor autosaves, and an autosave on the create view creates the object; a Save clicked
while that autosave is on its way also went to the create view, so one question became two (and
a "draw N from a category" slot could draw both). Here the create view does not autosave (a new
question's form is rarely valid before it is finished, so autosave only announced "validation
errors"; edits of a saved question still autosave), and every create form carries a token that
is unique in the database: whatever the timing of double clicks, retries or resubmissions, the
second request finds the question the first one made and edits it instead.
"""

from django.contrib.admin.utils import quote
from django.db import IntegrityError
from django.http import JsonResponse
from django.urls import resolve, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.utils import set_query_params
from wagtail.admin.views.generic import CopyViewMixin
from wagtail.snippets.views.snippets import CreateView, EditView

from quizzes.admin_forms import creation_token
from quizzes.item_review_admin import warn_after_save
from quizzes.models import Question


class ItemChecksMessageMixin:
    """After a Save (not an autosave), say if the saved question has item-writing warnings."""

    def save_action(self):
        response = super().save_action()
        if not self.expects_json_response:
            edit_url = reverse(self.edit_url_name, args=[quote(self.object.pk)])
            warn_after_save(self.request, self.object, edit_url)
        return response


class QuestionCreateView(ItemChecksMessageMixin, CreateView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False

    def post(self, request, *args, **kwargs):
        token = creation_token(request.POST.get("creation_token"))
        if token and (existing := Question.objects.filter(creation_token=token).first()):
            return self.resume(existing)
        try:
            return super().post(request, *args, **kwargs)
        except IntegrityError:
            # A parallel request with the same token won the insert.
            existing = token and Question.objects.filter(creation_token=token).first()
            if not existing:
                raise
            return self.resume(existing)

    def resume(self, question):
        """The form already created `question`: a Save edits it with what was sent; a late
        autosave (always older than the Save that may have followed it) writes nothing."""
        edit_url = reverse(self.edit_url_name, args=[quote(question.pk)])
        if self.expects_json_response:
            return JsonResponse(
                {
                    "success": True,
                    "pk": question.pk,
                    "url": edit_url,
                    "hydrate_url": set_query_params(edit_url, {"_w_hydrate_create_view": "1"}),
                }
            )
        self.request.question_resumed = True
        match = resolve(edit_url)
        return match.func(self.request, *match.args, **match.kwargs)


class QuestionCopyView(CopyViewMixin, QuestionCreateView):
    """ "Copy" opens a create form filled from another question: the same rules apply."""


class QuestionEditView(ItemChecksMessageMixin, EditView):
    def get_success_message(self, instance=None):
        if getattr(self.request, "question_resumed", False):
            return _("%(model_name)s '%(object)s' created.") % {
                "model_name": capfirst(self.model._meta.verbose_name),
                "object": instance or self.object,
            }
        return super().get_success_message(instance)
