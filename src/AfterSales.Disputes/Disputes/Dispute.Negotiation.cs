using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Disputes;

/// <content>Negotiation: the seller's answer, offers and counter-offers, and the buyer's withdrawal.</content>
public sealed partial class Dispute
{
    /// <summary>The seller approves the request as it stands.</summary>
    public DisputeResult Approve(string storeId, DateTimeOffset now) => Take(Actor.Seller(storeId), DisputeAction.Approve, null, now);

    /// <summary>The seller rejects the request with a reason code.</summary>
    public DisputeResult Reject(string storeId, RejectionReason reason, DateTimeOffset now) => Take(Actor.Seller(storeId), DisputeAction.Reject, reason, now);

    /// <summary>The seller proposes an offer: a partial refund, keeping the item, an exchange or a repair instead.</summary>
    public DisputeResult ProposeOffer(string storeId, OfferTerms offer, DateTimeOffset now) => Take(Actor.Seller(storeId), DisputeAction.ProposeOffer, offer, now);

    /// <summary>The buyer accepts the seller's offer; the case moves to the step its remedy needs.</summary>
    public DisputeResult AcceptOffer(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.AcceptOffer, null, now);

    /// <summary>The buyer declines the seller's offer; the seller answers the request again.</summary>
    public DisputeResult DeclineOffer(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.DeclineOffer, null, now);

    /// <summary>The buyer answers an offer or a rejection with new terms.</summary>
    public DisputeResult CounterOffer(string buyerId, OfferTerms offer, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.CounterOffer, offer, now);

    /// <summary>The buyer withdraws the request.</summary>
    public DisputeResult Withdraw(string buyerId, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.Withdraw, null, now);

    private static ActionTable NegotiationActions() => new ActionTable()
        .Action(DisputeAction.Approve, "approve", "approve the request", record: (d, taken) => d.Agree(taken))
        .Action(DisputeAction.AutoApprove, route: null, "approve after the seller's silence", record: (d, taken) => d.Agree(taken), sellerSilence: true)
        .Action<RejectionReason>(DisputeAction.Reject, "reject", "reject the request",
            new RejectionReason("no-fault-found", "Works on our bench"),
            validate: (_, reason) => Blank(reason.ReasonCode) ? Invalid(Say("Invalid.RejectionReason")) : null,
            record: (d, reason, taken) =>
            {
                d.AnswerPendingOffer(OfferStatus.Declined, taken);
                d.LastRejection = reason;
            })
        .Action<OfferTerms>(DisputeAction.ProposeOffer, "offers", "propose an offer",
            new OfferTerms(Remedy.RefundKeepItem, Amount.Of(8000, "CNY"), "Keep the router, 80 back"),
            validate: (d, offer) => d.ValidateOffer(offer), record: (d, offer, taken) => d.AddOffer(offer, taken))
        .Action<OfferTerms>(DisputeAction.CounterOffer, "counter-offers", "counter an offer",
            new OfferTerms(Remedy.RefundKeepItem, Amount.Of(12000, "CNY"), "120 back and I keep it"),
            validate: (d, offer) => d.ValidateOffer(offer), record: (d, offer, taken) =>
            {
                d.AddOffer(offer, taken);

                // The buyer's counter-offer becomes what the request asks for.
                d.Remedy = offer.Remedy;
                d.RequestedRefund = offer.Refund;
                d.ExchangeVariant = offer.Remedy == Remedy.Exchange ? offer.Variant : null;
            })
        .Action(DisputeAction.AcceptOffer, "offer/accept", "accept an offer", record: (d, taken) =>
        {
            var accepted = d.PendingOffer!.Terms;
            d.AnswerPendingOffer(OfferStatus.Accepted, taken);
            d.Remedy = accepted.Remedy;
            d.AgreedRefund = PaysMoney(accepted.Remedy) ? accepted.Refund ?? d.FullRefundAmount : null;
            d.ExchangeVariant = accepted.Remedy == Remedy.Exchange ? accepted.Variant : null;
        })
        .Action(DisputeAction.DeclineOffer, "offer/decline", "decline an offer", record: (d, taken) => d.AnswerPendingOffer(OfferStatus.Declined, taken))
        .Action(DisputeAction.LapseOffer, route: null, "close an unanswered offer", record: (d, taken) => d.AnswerPendingOffer(OfferStatus.Lapsed, taken),
            closes: ClosureReason.OfferLapsed)
        .Action(DisputeAction.CloseUnescalated, route: null, "close a rejection not escalated", closes: ClosureReason.NotEscalated)
        .Action(DisputeAction.Withdraw, "withdraw", "withdraw the request", record: (d, taken) => d.AnswerPendingOffer(OfferStatus.Withdrawn, taken),
            closes: ClosureReason.Withdrawn);

    private static bool PaysMoney(Remedy remedy) => remedy is Remedy.RefundKeepItem or Remedy.ReturnAndRefund;

    // The request is agreed as it stands: by the seller, or by the seller's silence.
    private void Agree(ActionTaken taken)
    {
        AnswerPendingOffer(OfferStatus.Accepted, taken);
        AgreedRefund = PaysMoney(Remedy) ? FullRefundAmount : null;
    }

    private void AddOffer(OfferTerms terms, ActionTaken taken)
    {
        AnswerPendingOffer(OfferStatus.Superseded, taken);
        _offers.Add(new Offer(_offers.Count + 1, taken.Actor.Party, terms, taken.At, OfferStatus.Pending));
    }

    private void AnswerPendingOffer(OfferStatus status, ActionTaken taken)
    {
        if (PendingOffer is { } pending)
        {
            _offers[^1] = pending with { Status = status, AnsweredBy = taken.Actor.Party, AnsweredAt = taken.At };
        }
    }

    private Problem? ValidateOffer(OfferTerms offer)
    {
        if (Blank(offer.Terms))
        {
            return Invalid(Say("Invalid.OfferTerms"));
        }

        if (offer.Variant is { } variant)
        {
            if (offer.Remedy != Remedy.Exchange)
            {
                return Invalid(Say("Invalid.OfferVariant"));
            }

            if (Lines[0].UnitPrice is not { } itemPrice)
            {
                return Invalid(Say("Invalid.OfferNoVariants"));
            }

            // The item's SKU is not frozen with the request: an offer naming it offers the same item.
            if (ValidateVariant(variant, itemSku: "", itemPrice) is { } wrong)
            {
                return Invalid(wrong);
            }
        }

        if (offer.Remedy == Remedy.Repair && CannotBeRepaired(repairedAs: "Repair.Settled") is { } noRepair)
        {
            return noRepair;
        }

        if (!PaysMoney(offer.Remedy))
        {
            return offer.Refund is null ? null : Invalid(Say("Invalid.OfferNoAmount", offer.Remedy));
        }

        return offer.Refund is { } refund ? CheckRefund(refund, "Invalid.OfferedRefundNotPositive") : Invalid(Say("Invalid.OfferNeedsAmount", offer.Remedy));
    }
}
