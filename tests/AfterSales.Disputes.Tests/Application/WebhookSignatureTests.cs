using AfterSales.Disputes.Application.Webhooks;

namespace AfterSales.Disputes.Tests.Application;

/// <summary>Webhook signatures follow the Standard Webhooks scheme, byte for byte.</summary>
public class WebhookSignatureTests
{
    // The Standard Webhooks specification's test vector, which its reference libraries are tested with.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Body = """{"test": 2432232314}""";
    private static readonly DateTimeOffset s_signedAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    [Fact]
    public void Signing_ReproducesTheSpecificationsTestVector()
    {
        WebhookSignature.Sign([Secret], Id, s_signedAt, Body).Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        WebhookSignature.Timestamp(s_signedAt).Should().Be("1614265330");
    }

    [Fact]
    public void Verifying_TakesTheVector_AndRefusesAnyChangedPart_OrAStaleTimestamp()
    {
        const string signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        var now = s_signedAt.AddMinutes(1);
        var tolerance = TimeSpan.FromMinutes(5);

        WebhookSignature.Verify(Secret, Id, "1614265330", signature, Body, now, tolerance).Should().BeTrue();
        WebhookSignature.Verify(Secret, Id, "1614265330", signature, Body + " ", now, tolerance).Should().BeFalse("the body changed");
        WebhookSignature.Verify(Secret, Id + "x", "1614265330", signature, Body, now, tolerance).Should().BeFalse("the id is signed");
        WebhookSignature.Verify(Secret, Id, "1614265331", signature, Body, now, tolerance).Should().BeFalse("the timestamp is signed");
        WebhookSignature.Verify(WebhookSignature.NewSecret(), Id, "1614265330", signature, Body, now, tolerance).Should().BeFalse("another secret");
        WebhookSignature.Verify(Secret, Id, "1614265330", signature, Body, s_signedAt.AddMinutes(6), tolerance).Should().BeFalse("too old to be fresh");
        WebhookSignature.Verify(Secret, Id, "1614265330", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Body, now, tolerance).Should().BeFalse("only v1 is HMAC-SHA256");
    }

    [Fact]
    public void DuringARotation_OneSignaturePerSecret_EachVerifiesWithItsOwn()
    {
        var previous = WebhookSignature.NewSecret();
        var header = WebhookSignature.Sign([Secret, previous], Id, s_signedAt, Body);

        header.Split(' ').Should().HaveCount(2).And.OnlyContain(part => part.StartsWith("v1,", StringComparison.Ordinal));
        WebhookSignature.Verify(Secret, Id, "1614265330", header, Body, s_signedAt, TimeSpan.FromMinutes(5)).Should().BeTrue();
        WebhookSignature.Verify(previous, Id, "1614265330", header, Body, s_signedAt, TimeSpan.FromMinutes(5)).Should().BeTrue();
    }

    [Fact]
    public void NewSecrets_AreWhsecAndThirtyTwoRandomBytes_AndSecretsFromBeforeTheSchemeStillSign()
    {
        var secret = WebhookSignature.NewSecret();
        secret.Should().StartWith("whsec_");
        Convert.FromBase64String(secret["whsec_".Length..]).Should().HaveCount(32);
        WebhookSignature.NewSecret().Should().NotBe(secret);

        // Subscriptions made earlier have whsec_ and 48 hex digits, which read as base64 too.
        var older = "whsec_" + Convert.ToHexStringLower(new byte[24]);
        var header = WebhookSignature.Sign([older], Id, s_signedAt, Body);
        WebhookSignature.Verify(older, Id, "1614265330", header, Body, s_signedAt, TimeSpan.FromMinutes(5)).Should().BeTrue();
        FluentActions.Invoking(() => WebhookSignature.Sign(["not-a-secret"], Id, s_signedAt, Body)).Should().Throw<ArgumentException>();
    }
}
