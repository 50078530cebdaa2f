def issue_on_completion(sender, enrollment, **kwargs):
    """course_completed → a certificate row in the same transaction; the PDF follows on commit."""
    from certificates.services import certificate_issue

    certificate_issue(enrollment=enrollment)


def flag_on_signoff_withdrawn(sender, request, by, **kwargs):
    """practice's signoff_withdrawn → the certificate issued on that signature is flagged for
    review in the register (in the withdrawal's transaction), never silently revoked."""
    from certificates.review import flag_after_signoff_withdrawn

    flag_after_signoff_withdrawn(request=request, by=by)
