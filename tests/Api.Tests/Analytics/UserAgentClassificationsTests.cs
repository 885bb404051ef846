using IaGenify.Api.Http;
using IaGenify.Domain.Analytics;

namespace IaGenify.Api.Tests.Analytics;

/// <summary>The per-User-Agent memory of page-view recording: the classifier's answer, in bounded memory.</summary>
public sealed class UserAgentClassificationsTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("")]
    public void A_remembered_answer_is_the_classifiers_answer(string userAgent)
    {
        var classifications = new UserAgentClassifications();
        Assert.Equal(UserAgentClassifier.Classify(userAgent), classifications.Classify(userAgent));
        Assert.Equal(UserAgentClassifier.Classify(userAgent), classifications.Classify(userAgent));
    }

    [Fact]
    public void Distinct_values_never_grow_it_past_its_bound_and_overlong_values_are_not_kept()
    {
        var classifications = new UserAgentClassifications();
        for (var i = 0; i < UserAgentClassifications.MaxEntries * 3; i++)
        {
            Assert.False(classifications.Classify($"Mozilla/5.0 (Windows NT 10.0) Firefox/{i}").IsBot);
            Assert.InRange(classifications.Count, 1, UserAgentClassifications.MaxEntries);
        }

        var fresh = new UserAgentClassifications();
        var overlong = "Mozilla/5.0 (iPhone) " + new string('x', UserAgentClassifications.MaxCachedLength);
        Assert.Equal(UserAgentClassifier.Classify(overlong), fresh.Classify(overlong));
        Assert.Equal(0, fresh.Count);
    }
}
