using System.Text.Json;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Application;

public class DisputeJsonTests
{
    [Fact]
    public void ATimelineWrittenAsJsonAndReadBack_RebuildsTheSameDispute()
    {
        var now = new DateTimeOffset(2026, 11, 6, 8, 0, 0, TimeSpan.Zero);
        var live = Open(RouterOrder(), Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair()), now);
        live.Approve(Flagship, now).ShouldSucceed();
        live.ShipDevice(Buyer, new ShipmentDetails("SF", "SF1", ShippingMethod.Surface), now).ShouldSucceed();
        live.ReceiveDevice(ServiceCenter, now).ShouldSucceed();
        live.Diagnose(ServiceCenter, new Diagnosis(false, "Liquid", Yuan(120), FaultCause.LiquidDamage), now).ShouldSucceed();
        live.Escalate(Actor.Buyer(Buyer), new EscalationRequest("It was not liquid"), now).ShouldSucceed();
        live.AssignArbitrator(Arbitrator, now).ShouldSucceed();
        live.RequestMoreEvidence(Arbitrator, new MoreEvidenceRequest(Party.Buyer, "Photos"), now).ShouldSucceed();

        var stored = live.Timeline.Select(e => e with { Data = e.Data is null ? null : DisputeJson.Deserialize(DisputeJson.Serialize(e.Data)) }).ToList();
        var rebuilt = Dispute.Rebuild(stored);

        rebuilt.Should().BeEquivalentTo(live, options => options.ComparingByMembers<Dispute>());
        rebuilt.Policy.Calendar.IsWorkingDay(new DateOnly(2026, 10, 2)).Should().BeFalse("the frozen calendar keeps its holidays");
        rebuilt.Deadline.Should().Be(live.Deadline);
    }

    [Fact]
    public void EventDetails_CarryATypeDiscriminator_AndAmountsInMinorUnits()
    {
        var json = DisputeJson.Serialize(new OfferTerms(Remedy.RefundKeepItem, Yuan(19.99m), "Keep it"));

        json.Should().Be("""{"$type":"OfferTerms","remedy":"RefundKeepItem","refund":{"minorUnits":1999,"currency":"CNY"},"terms":"Keep it","variant":null}""");
    }

    [Theory]
    [InlineData("""{"$type":"Nope"}""")]
    [InlineData("""{"$type":"OfferTerms","remedy":"RefundKeepItem","refund":{"minorUnits":"x","currency":"CNY"},"terms":"t"}""")]
    [InlineData("""{"$type":"OfferTerms","remedy":"RefundKeepItem","refund":{"minorUnits":1,"currency":"XYZ"},"terms":"t"}""")]
    [InlineData("""{"$type":"MessageText","text":"hi","extra":1}""")]
    public void MalformedDetails_AreRejected(string json)
    {
        var read = () => DisputeJson.Deserialize(json);

        read.Should().Throw<JsonException>();
    }
}
