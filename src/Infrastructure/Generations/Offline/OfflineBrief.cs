using System.Text.RegularExpressions;

namespace IaGenify.Infrastructure.Generations.Offline;

/// <summary>
/// What the offline provider makes of a prompt without a language model: a business name, a one-line summary and a
/// topic picked by keywords, which decides the features (and, for each kind's answer, what else fits).
/// </summary>
internal sealed partial record OfflineBrief(string Name, string Summary, string Topic, string PromptLower)
{
    private static readonly (string Topic, string[] Keywords)[] Topics =
    [
        ("food", ["restaurant", "cafe", "café", "bakery", "bistro", "pizza", "coffee", "food", "catering", "bar "]),
        ("software", ["saas", "software", "app", "startup", "platform", "api", "cloud", "tech"]),
        ("creative", ["studio", "photo", "design", "art", "wedding", "music", "agency", "film"]),
        ("health", ["clinic", "dental", "dentist", "health", "yoga", "fitness", "gym", "therapy", "care"]),
        ("retail", ["shop", "store", "boutique", "market", "fashion", "florist", "books"]),
    ];

    public static OfflineBrief From(string prompt, string? name)
    {
        var text = prompt.Trim();
        var lower = text.ToLowerInvariant();
        var topic = Topics.FirstOrDefault(t => t.Keywords.Any(lower.Contains)).Topic ?? "services";
        return new OfflineBrief(Clip(name ?? NameIn(text), 60), Clip(FirstSentence(text), 200), topic, lower);
    }

    public bool Mentions(params string[] words) => words.Any(PromptLower.Contains);

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();

    /// <summary>A quoted name if there is one, else the words before the first comma or full stop.</summary>
    private static string NameIn(string prompt)
    {
        var quoted = Quoted().Match(prompt);
        if (quoted.Success)
            return quoted.Groups[1].Value.Trim();
        var head = prompt.Split([',', '.', '\n', ':', ';'], 2)[0].Trim();
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5);
        var name = string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return name.Length > 0 ? name : "My Business";
    }

    private static string FirstSentence(string prompt)
    {
        var sentence = prompt.Split(['.', '\n', '!', '?'], 2)[0].Trim();
        return sentence.Length > 0 ? sentence : prompt;
    }

    public (string Title, string Text)[] Features => Topic switch
    {
        "food" => [("Fresh every day", "Seasonal ingredients from local producers, prepared on site."), ("Made with care", "Recipes we have refined over years, served with a smile."), ("Book or take away", "Reserve a table or order ahead and pick up on your way.")],
        "software" => [("Fast to start", "Sign up in minutes and see results on day one."), ("Secure by design", "Your data is encrypted and stays yours."), ("Works with your tools", "Connect the services you already use.")],
        "creative" => [("A distinct style", "Work that tells your story and stands out."), ("Close collaboration", "We listen first and involve you at every step."), ("On time", "Clear schedules and no surprises.")],
        "health" => [("Experienced team", "Qualified professionals who take time for you."), ("Personal plans", "Care adapted to your needs and goals."), ("Easy booking", "Appointments that fit your schedule.")],
        "retail" => [("Curated selection", "Products we chose for quality and character."), ("Friendly advice", "Ask us anything: we know what we sell."), ("Fast delivery", "Order today, enjoy it in a few days.")],
        _ => [("Expertise", "Years of experience put to work for you."), ("Reliability", "We do what we say, when we say it."), ("Personal service", "One contact who knows your project.")],
    };

    [GeneratedRegex("[\"“«]([^\"”»]{2,60})[\"”»]")]
    private static partial Regex Quoted();
}
