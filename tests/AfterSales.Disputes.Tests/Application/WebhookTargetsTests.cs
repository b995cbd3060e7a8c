using System.Net;
using AfterSales.Disputes.Application.Webhooks;

namespace AfterSales.Disputes.Tests.Application;

/// <summary>Webhooks reach the public internet over https only, never the host's own network.</summary>
public class WebhookTargetsTests
{
    [Theory]
    [InlineData("https://127.0.0.1/hooks", "loopback")]
    [InlineData("https://[::1]/hooks", "loopback, IPv6")]
    [InlineData("https://localhost/hooks", "a name resolving to loopback")]
    [InlineData("https://10.0.0.1/hooks", "a private network")]
    [InlineData("https://192.168.1.20/hooks", "a private network")]
    [InlineData("https://172.16.5.4/hooks", "a private network")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "the cloud metadata address")]
    [InlineData("https://100.100.100.200/latest/meta-data/", "a shared-address-space metadata address")]
    [InlineData("https://[fd00:ec2::254]/latest/meta-data/", "an IPv6 unique-local metadata address")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks", "loopback inside an IPv4-mapped IPv6 address")]
    [InlineData("https://[64:ff9b::a00:1]/hooks", "a private address behind NAT64")]
    [InlineData("https://0.0.0.0/hooks", "the unspecified address")]
    [InlineData("http://93.184.215.14/hooks", "http to a public address")]
    [InlineData("https://user:pass@93.184.215.14/hooks", "credentials in the URL")]
    public async Task AUrlReachingTheHostsOwnNetwork_OrNotHttps_IsRefused(string url, string because)
    {
        var refusal = await WebhookTargets.RefusalAsync(new Uri(url), loopbackAllowed: false, CancellationToken.None);

        refusal.Should().NotBeNull(because);
    }

    [Fact]
    public async Task AnHttpsUrlToAPublicAddress_IsTaken()
    {
        (await WebhookTargets.RefusalAsync(new Uri("https://93.184.215.14/hooks"), loopbackAllowed: false, CancellationToken.None)).Should().BeNull();
        (await WebhookTargets.RefusalAsync(new Uri("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hooks"), loopbackAllowed: false, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task InDevelopment_LoopbackIsTakenOverHttpToo_ButNothingElseIsLoosened()
    {
        (await WebhookTargets.RefusalAsync(new Uri("http://127.0.0.1:5999/hooks"), loopbackAllowed: true, CancellationToken.None)).Should().BeNull();
        (await WebhookTargets.RefusalAsync(new Uri("http://localhost:5999/hooks"), loopbackAllowed: true, CancellationToken.None)).Should().BeNull();
        (await WebhookTargets.RefusalAsync(new Uri("https://10.0.0.1/hooks"), loopbackAllowed: true, CancellationToken.None)).Should().NotBeNull();
        (await WebhookTargets.RefusalAsync(new Uri("http://93.184.215.14/hooks"), loopbackAllowed: true, CancellationToken.None))
            .Should().Be("A webhook URL is https (http only to loopback, in development).");
    }

    [Fact]
    public async Task TheRefusal_NamesTheAddressTheHostResolvesTo()
    {
        (await WebhookTargets.RefusalAsync(new Uri("https://169.254.169.254/"), loopbackAllowed: false, CancellationToken.None))
            .Should().Contain("169.254.169.254").And.Contain("may not reach");
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("172.15.255.255", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("198.18.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("fe80::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("2002:0a00:0001::1", false)]
    [InlineData("2001:4860:4860::8888", true)]
    public void TheAddressRanges_AreExact(string address, bool isPublic)
    {
        WebhookTargets.IsPublic(IPAddress.Parse(address)).Should().Be(isPublic);
    }
}
