using System.Text.Json;
using IaGenify.Application.AiTools;

namespace IaGenify.Application.Assistant;

internal static class AssistantJson
{
    public static JsonSerializerOptions Options => AiToolJson.Options;
}
