namespace IaGenify.Application.Common.Behaviors;

/// <summary>Marks exceptions the pipeline already logged, so that hosts do not log them a second time.</summary>
public static class LoggedExceptions
{
    private const string Marker = "iagenify.logged";

    public static void Mark(Exception exception) => exception.Data[Marker] = true;

    public static bool IsMarked(Exception exception) => exception.Data.Contains(Marker);
}
