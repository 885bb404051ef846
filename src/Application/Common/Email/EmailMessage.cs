namespace IaGenify.Application.Common.Email;

public sealed record EmailMessage(string To, string Subject, string Body);
