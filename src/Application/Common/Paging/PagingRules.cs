using FluentValidation;

namespace IaGenify.Application.Common.Paging;

public static class PagingRules
{
    /// <summary>limit in 1..100 and a well-formed cursor, shared by every list query's validator.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, int> limit, Func<T, string?> cursor)
    {
        validator.RuleFor(x => limit(x)).InclusiveBetween(1, Cursor.MaxLimit)
            .OverridePropertyName("limit").WithMessage($"limit must be between 1 and {Cursor.MaxLimit}.");
        validator.RuleFor(x => cursor(x)).Must(Cursor.IsValidOrEmpty)
            .OverridePropertyName("cursor").WithMessage("cursor is not a cursor returned by this API.");
    }
}
