def issue_on_completion(sender, enrollment, **kwargs):
    """course_completed → a certificate row in the same transaction; the PDF follows on commit."""
    from certificates.services import certificate_issue

    certificate_issue(enrollment=enrollment)
