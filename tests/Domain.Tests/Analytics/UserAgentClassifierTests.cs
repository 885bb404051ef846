using IaGenify.Domain.Analytics;

namespace IaGenify.Domain.Tests.Analytics;

public sealed class UserAgentClassifierTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        DeviceClass.Desktop, BrowserFamily.Chrome)]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
        DeviceClass.Desktop, BrowserFamily.Safari)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", DeviceClass.Desktop, BrowserFamily.Firefox)]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        DeviceClass.Desktop, BrowserFamily.Chrome)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
        DeviceClass.Desktop, BrowserFamily.Edge)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0",
        DeviceClass.Desktop, BrowserFamily.Opera)]
    public void Desktop_browsers_are_told_apart_although_they_imitate_each_other(string userAgent, DeviceClass device, BrowserFamily browser) =>
        Assert.Equal(new UserAgentInfo(false, device, browser), UserAgentClassifier.Classify(userAgent));

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        BrowserFamily.Safari)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
        BrowserFamily.Chrome)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15",
        BrowserFamily.Firefox)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        BrowserFamily.Safari)]
    [InlineData("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
        BrowserFamily.Chrome)]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-S901B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
        BrowserFamily.SamsungInternet)]
    [InlineData("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 EdgA/120.0.2210.115",
        BrowserFamily.Edge)]
    [InlineData("Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0", BrowserFamily.Firefox)]
    [InlineData("Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Mobile Safari/537.36 Edge/15.15063",
        BrowserFamily.Edge)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 DuckDuckGo/7 Safari/605.1.15",
        BrowserFamily.Safari)]
    [InlineData("Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Mobile DuckDuckGo/5 Safari/537.36",
        BrowserFamily.Chrome)]
    [InlineData("Mozilla/5.0 (Linux; Android 12; V2111) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/97.0.4692.98 Mobile Safari/537.36 T7/13.32 SP-engine/2.70.0 baiduboxapp/13.32.0.10 (Baidu; P1 12) NABar/1.0",
        BrowserFamily.Chrome)]
    public void Phones_are_mobile(string userAgent, BrowserFamily browser) =>
        Assert.Equal(new UserAgentInfo(false, DeviceClass.Mobile, browser), UserAgentClassifier.Classify(userAgent));

    [Theory]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        BrowserFamily.Safari)]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        BrowserFamily.Chrome)]
    [InlineData("Mozilla/5.0 (Android 14; Tablet; rv:121.0) Gecko/121.0 Firefox/121.0", BrowserFamily.Firefox)]
    public void Tablets_are_not_counted_as_phones_although_they_say_mobile_or_android(string userAgent, BrowserFamily browser) =>
        Assert.Equal(new UserAgentInfo(false, DeviceClass.Tablet, browser), UserAgentClassifier.Classify(userAgent));

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)")]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("WhatsApp/2.23.20.0")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Chrome-Lighthouse")]
    [InlineData("curl/8.4.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.31.0")]
    [InlineData("Go-http-client/1.1")]
    [InlineData("okhttp/4.12.0")]
    [InlineData("axios/1.6.2")]
    [InlineData("PostmanRuntime/7.36.0")]
    [InlineData("wrk")]
    [InlineData("UptimeRobot/2.0")]
    [InlineData("DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)")]
    [InlineData("DuckDuckGo-Favicons-Bot/1.0")]
    public void Robots_and_tools_are_not_counted(string userAgent) =>
        Assert.Equal(new UserAgentInfo(true, DeviceClass.Other, BrowserFamily.Other), UserAgentClassifier.Classify(userAgent));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_user_agent_is_a_robot_because_every_browser_sends_one(string? userAgent) =>
        Assert.True(UserAgentClassifier.Classify(userAgent).IsBot);

    [Fact]
    public void Markers_are_matched_whatever_their_case() =>
        Assert.True(UserAgentClassifier.Classify("MOZILLA/5.0 (COMPATIBLE; GOOGLEBOT/2.1)").IsBot);

    [Fact]
    public void An_unknown_client_that_is_no_robot_is_counted_as_other()
    {
        var info = UserAgentClassifier.Classify("SomeReader/3.2");

        Assert.Equal(new UserAgentInfo(false, DeviceClass.Other, BrowserFamily.Other), info);
    }
}
