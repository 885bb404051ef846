namespace IaGenify.Domain.Common;

/// <summary>The request conflicts with the current state of an object (e.g. the last owner leaving).</summary>
public sealed class BusinessRuleException(string code, string message) : DomainException(code, message);
