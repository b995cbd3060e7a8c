using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

public class NegotiationTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);

    private static Dispute QualityReturn() => Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);

    [Fact]
    public void OffersAndCounterOffers_GoBothWays_AndTheFullHistoryIsKept()
    {
        var dispute = QualityReturn();

        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(50), "Keep it, 50 off"), s_now).ShouldSucceed();
        dispute.CounterOffer(Buyer, new OfferTerms(Remedy.RefundKeepItem, Yuan(120), "Keep it for 120"), s_now.AddHours(1)).ShouldSucceed();
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(90), "Meet at 90"), s_now.AddHours(2)).ShouldSucceed();
        dispute.AcceptOffer(Buyer, s_now.AddHours(3)).ShouldSucceed();

        dispute.Offers.Select(o => (o.Number, o.By, o.Terms.Refund, o.Status, o.AnsweredBy)).Should().Equal(
            (1, Party.Seller, Yuan(50), OfferStatus.Superseded, Party.Buyer),
            (2, Party.Buyer, Yuan(120), OfferStatus.Superseded, Party.Seller),
            (3, Party.Seller, Yuan(90), OfferStatus.Accepted, Party.Buyer));
        dispute.State.Should().Be(DisputeState.Refunding, "the buyer keeps the item");
        dispute.Refund!.Amount.Should().Be(Yuan(90));
    }

    [Fact]
    public void ACounterOffer_BecomesTheRequest_WhichTheSellersSilenceApproves()
    {
        var dispute = QualityReturn();
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(50), "Keep it, 50 off"), s_now).ShouldSucceed();

        dispute.CounterOffer(Buyer, new OfferTerms(Remedy.RefundKeepItem, Yuan(120), "Keep it for 120"), s_now).ShouldSucceed();
        dispute.ExpireDeadline(s_now.AddDays(5)).ShouldSucceed();

        dispute.RequestedRefund.Should().Be(Yuan(120));
        dispute.State.Should().Be(DisputeState.Refunding);
        dispute.Refund!.Amount.Should().Be(Yuan(120));
        dispute.Offers[^1].Status.Should().Be(OfferStatus.Accepted);
    }

    [Fact]
    public void AnExchangeOffer_Accepted_SendsTheItemBackFirst()
    {
        var dispute = QualityReturn();
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.Exchange, null, "A new unit instead"), s_now).ShouldSucceed();

        dispute.AcceptOffer(Buyer, s_now).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingReturnShipment);
        dispute.Remedy.Should().Be(Remedy.Exchange);
        dispute.AgreedRefund.Should().BeNull();
    }

    [Fact]
    public void ARepairOffer_Accepted_SendsTheDeviceToTheServiceCenter()
    {
        var dispute = QualityReturn();
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.Repair, null, "Free repair by the brand"), s_now).ShouldSucceed();

        dispute.AcceptOffer(Buyer, s_now).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingDeviceShipment);
    }

    [Fact]
    public void AReplacementOffer_ForAParcelNeverReceived_ShipsTheReplacementStraightAway()
    {
        var order = RouterOrder() with { DeliveredAt = null };
        var dispute = Open(order, Request(RequestKind.RefundOnly, RequestReason.NotReceived, Yuan(399)), Shipped.AddDays(10));
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.Exchange, null, "We resend it"), Shipped.AddDays(10)).ShouldSucceed();

        dispute.AcceptOffer(Buyer, Shipped.AddDays(10)).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingReplacementShipment);
    }

    [Fact]
    public void DecliningAnOffer_GivesTheRequestBackToTheSeller_WhoMayThenEscalate()
    {
        var dispute = QualityReturn();
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(50), "Keep it, 50 off"), s_now).ShouldSucceed();
        dispute.CanEscalate(Actor.Seller(Flagship), s_now).Should().BeFalse();

        dispute.DeclineOffer(Buyer, s_now).ShouldSucceed();

        dispute.State.Should().Be(DisputeState.AwaitingSellerResponse);
        dispute.Offers[0].Status.Should().Be(OfferStatus.Declined);
        dispute.CanEscalate(Actor.Seller(Flagship), s_now).Should().BeTrue("negotiation failed");
    }

    [Fact]
    public void AnOfferLeftUnanswered_ClosesTheRequest()
    {
        var dispute = QualityReturn();
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(50), "Keep it, 50 off"), s_now).ShouldSucceed();

        dispute.ExpireDeadline(s_now.AddDays(5)).ShouldSucceed();

        dispute.Closure.Should().Be(ClosureReason.OfferLapsed);
        dispute.Offers[0].Status.Should().Be(OfferStatus.Lapsed);
    }

    [Theory]
    [InlineData(400, DisputeRefusalCode.OverRefund, "A refund of 400.00 CNY exceeds the 399.00 CNY that can still be refunded for this order line.")]
    [InlineData(0, DisputeRefusalCode.InvalidInput, "The offered refund must be positive.")]
    public void AnOffer_AboveTheCeilingOrNotPositive_IsRefusedAndChangesNothing(int yuan, DisputeRefusalCode code, string message)
    {
        var dispute = QualityReturn();

        var refused = dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(yuan), "terms"), s_now);

        refused.Refusal!.Code.Should().Be(code);
        refused.Refusal.Message.Should().Be(message);
        dispute.Offers.Should().BeEmpty();
        dispute.Version.Should().Be(1);
    }

    [Fact]
    public void AnOffer_OfARepair_IsRefusedForARefundOnlyRequest()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.RefundOnly, RequestReason.Defective, Yuan(100)), s_now);

        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.Repair, null, "Repair"), s_now).Refusal!.Message
            .Should().Be("A RefundOnly request cannot be settled by a repair.");
    }
}
