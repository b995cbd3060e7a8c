namespace AfterSales.Disputes.Disputes;

/// <content>Conversation: messages on the case at every open step, and the buyer's rating at the end.</content>
public sealed partial class Dispute
{
    /// <summary>A party sends a message on the case.</summary>
    public DisputeResult SendMessage(Actor actor, MessageText message, DateTimeOffset now) => Take(actor, DisputeAction.SendMessage, message, now);

    /// <summary>The buyer rates how the request was handled, 1 to 5, once it is over.</summary>
    public DisputeResult Rate(string buyerId, RatingInput rating, DateTimeOffset now) => Take(Actor.Buyer(buyerId), DisputeAction.Rate, rating, now);

    private static ActionTable ConversationActions() => new ActionTable()
        .Action<MessageText>(DisputeAction.SendMessage, "messages", "send messages",
            new MessageText("The parcel left today."),
            validate: (_, message) => Blank(message.Text) || message.Text.Length > MaxTextLength ? Invalid(Say("Invalid.Message", MaxTextLength)) : null,
            record: (d, message, taken) => d._messages.Add(new CaseMessage(taken.Actor.Party, taken.Actor.Id, message.Text, taken.At)))
        .Action<RatingInput>(DisputeAction.Rate, "rating", "rate a request",
            new RatingInput(4, "Fair in the end"),
            validate: (_, rating) => rating switch
            {
                { Stars: < 1 or > 5 } => Invalid(Say("Invalid.Stars")),
                { Comment.Length: > MaxTextLength } => Invalid(Say("Invalid.RatingComment", MaxTextLength)),
                _ => null,
            },
            record: (d, rating, taken) =>
            {
                d.Rating = new Rating(rating.Stars, rating.Comment, taken.At);
                d.Scorecard = d.Scorecard with { RatingStars = rating.Stars };
            });
}
