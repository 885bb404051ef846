namespace IaGenify.Application.Common.Messaging;

public static class RequestKind
{
    public static bool IsCommand(Type requestType) => requestType.GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    /// <summary>"command" or "query": a low-cardinality tag for logs and metrics.</summary>
    public static string NameOf(Type requestType) => IsCommand(requestType) ? "command" : "query";
}
