"""Writing validated uploads (``uploads.CleanUpload``) as private attachments."""

from django.core.files.base import ContentFile

from .models import Attachment


def save_attachments(report, entry, uploads) -> list[Attachment]:
    saved = []
    for upload in uploads or ():
        attachment = Attachment(
            report=report,
            entry=entry,
            name=upload.name,
            content_type=upload.content_type,
            size=len(upload.data),
            sha256=upload.sha256,
        )
        attachment.file.save(upload.name, ContentFile(upload.data), save=False)
        attachment.save()
        saved.append(attachment)
    return saved
