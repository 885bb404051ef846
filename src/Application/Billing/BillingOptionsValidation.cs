using Microsoft.Extensions.Options;

namespace IaGenify.Application.Billing;

/// <summary>
/// Refuses to start with a catalogue that would break billing: checked once at startup. No plans at all is valid:
/// billing is then not set up (see <see cref="PlanCatalog.IsConfigured"/>).
/// </summary>
internal sealed class BillingOptionsValidation : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        var failures = new List<string>();
        if (options.Plans.Count == 0 && options.CreditPacks.Count > 0)
            return ValidateOptionsResult.Fail("Billing:CreditPacks needs Billing:Plans, starting with the free plan.");
        if (options.Plans.Count > 0 && !string.IsNullOrEmpty(options.Plans[0].StripePriceId))
            failures.Add("Billing:Plans:0 is the free plan and must not have a StripePriceId.");
        foreach (var (plan, index) in options.Plans.Select((p, i) => (p, i)))
        {
            if (string.IsNullOrWhiteSpace(plan.Code) || string.IsNullOrWhiteSpace(plan.Name))
                failures.Add($"Billing:Plans:{index} needs a Code and a Name.");
            if (index > 0 && string.IsNullOrWhiteSpace(plan.StripePriceId))
                failures.Add($"Billing:Plans:{index} ({plan.Code}) needs a StripePriceId.");
            if (plan.MonthlyCredits < 0 || plan.TrialDays < 0)
                failures.Add($"Billing:Plans:{index} ({plan.Code}) has a negative MonthlyCredits or TrialDays.");
        }
        foreach (var (pack, index) in options.CreditPacks.Select((p, i) => (p, i)))
            if (string.IsNullOrWhiteSpace(pack.Code) || pack.Credits <= 0 || string.IsNullOrWhiteSpace(pack.StripePriceId))
                failures.Add($"Billing:CreditPacks:{index} needs a Code, positive Credits and a StripePriceId.");

        Duplicates(options.Plans.Select(p => p.Code).Concat(options.CreditPacks.Select(p => p.Code)), "code", failures);
        Duplicates(options.Plans.Select(p => p.StripePriceId).Concat(options.CreditPacks.Select(p => p.StripePriceId))
            .Where(p => !string.IsNullOrEmpty(p)), "StripePriceId", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Duplicates(IEnumerable<string?> values, string what, List<string> failures)
    {
        foreach (var duplicate in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
            failures.Add($"Billing: the {what} '{duplicate.Key}' is used twice.");
    }
}
