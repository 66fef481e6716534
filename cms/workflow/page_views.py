"""Wagtail's page editor and workflow views with Sipanganten's feedback.

Registered per page type through Wagtail's ``PageViewSet`` (the supported way to
customise page views): submit, publish, approve and request changes end with a
message naming the item and the next step, and a submit or publish refused by the
accessibility gate (or any other check a draft need not pass) still saves the draft
and says what is missing.
"""

from django.contrib.messages import SUCCESS
from wagtail.admin import messages
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState

from .feedback import (
    captured_messages,
    draft_saved_but_blocked_message,
    published_message,
    submitted_message,
    workflow_action_message,
)

BLOCKING_ACTIONS = ("submit", "publish")


class FeedbackMixin:
    """Shared by the create and edit views; ``parent_for_form`` differs."""

    def _replace_success(self, action, message_for, buttons_for):
        with captured_messages(self.request) as caught:
            response = action()
        message = message_for(self.page)
        if message is None:
            caught.replay(self.request)
        else:
            caught.replay(self.request, except_level=SUCCESS)
            messages.success(self.request, message, buttons=buttons_for())
        return response

    def _submit_buttons(self):
        buttons = []
        if self.page.is_previewable():
            buttons.append(self.get_view_draft_message_button())
        buttons.append(self.get_edit_message_button())
        return buttons

    def _publish_buttons(self):
        buttons = []
        if self.page.url is not None:
            buttons.append(self.get_view_live_message_button())
        buttons.append(self.get_edit_message_button())
        return buttons

    def submit_action(self):
        return self._replace_success(
            super().submit_action, submitted_message, self._submit_buttons
        )

    def publish_action(self):
        return self._replace_success(
            super().publish_action, published_message, self._publish_buttons
        )

    def _draft_form(self):
        form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent_for_form,
            for_user=self.request.user,
        )
        form.defer_required_fields()
        return form

    def _save_draft_instead(self, form):
        """Save what a "save draft" would have saved; None if even that fails."""
        if self.action_name not in BLOCKING_ACTIONS or self.expects_json_response:
            return None
        draft = self._draft_form()
        if not draft.is_valid():
            return None
        message = draft_saved_but_blocked_message(form, self.action_name)
        self.form = draft
        self.has_content_changes = draft.has_changed()  # read by the edit view
        with captured_messages(self.request) as caught:
            response = self.save_action()
        caught.replay(self.request, except_level=SUCCESS)
        messages.error(self.request, message)
        return response


class SipangantenEditView(FeedbackMixin, EditView):
    @property
    def parent_for_form(self):
        return self.parent

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Our publish dialog already says the running review will be cancelled:
        # Wagtail's own cancellation prompt would ask a second time, right after it.
        context["publishing_will_cancel_workflow"] = False
        return context

    def add_save_confirmation_message(self):
        # Wagtail says "Page updated" after a workflow action on the edit page.
        if self.action_name == "perform_workflow_action":
            message = workflow_action_message(self.page, self.workflow_action)
            if message:
                messages.success(self.request, message)
                return
        super().add_save_confirmation_message()

    def form_invalid(self, form):
        if not self.locked_for_user and not self.is_cancelling_workflow:
            response = self._save_draft_instead(form)
            if response is not None:
                return response
        return super().form_invalid(form)


class SipangantenCreateView(FeedbackMixin, CreateView):
    @property
    def parent_for_form(self):
        return self.parent_page

    def form_invalid(self, form):
        return self._save_draft_instead(form) or super().form_invalid(form)


class SipangantenWorkflowActionView(WorkflowActionView):
    """The dashboard's approve / request-changes buttons; Wagtail says nothing."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            message = workflow_action_message(self.object.specific, self.action_name)
            if message:
                messages.success(request, message)
        return response


class EditorialPageViewSet(PageViewSet):
    add_view_class = SipangantenCreateView
    edit_view_class = SipangantenEditView
    workflow_action_view_class = SipangantenWorkflowActionView
    # Only the views change: leave the explorer listings as Wagtail builds them.
    parent_models = ()
