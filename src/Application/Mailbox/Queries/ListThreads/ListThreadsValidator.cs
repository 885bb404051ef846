using FluentValidation;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Mailbox.Ports;

namespace IaGenify.Application.Mailbox.Queries.ListThreads;

internal sealed class ListThreadsValidator : AbstractValidator<ListThreads>
{
    public ListThreadsValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Cursor.MaxLimit).WithMessage($"limit must be between 1 and {Cursor.MaxLimit}.");
        RuleFor(x => x.Cursor).Must(c => c is null || ThreadCursor.TryDecode(c, out _)).WithMessage("cursor is not a cursor this list returned.");
        RuleFor(x => x.Status).Must(s => ListThreads.ParseStatus(s) is not null).WithMessage("status must be one of open, archived, spam.");
        RuleFor(x => x.Search).MaximumLength(ListThreads.MaxSearchLength).SingleLine("search");
    }
}
