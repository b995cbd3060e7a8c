namespace AfterSales.Disputes.Disputes;

/// <summary>
/// Who takes an action. A flow permits each action to one or more parties (combine them with
/// <c>|</c>, as in <c>Party.Buyer | Party.Seller</c>); an action is always taken by exactly one.
/// </summary>
[Flags]
public enum Party
{
    /// <summary>No party; never valid for taking an action.</summary>
    None = 0,

    /// <summary>The customer who bought the item.</summary>
    Buyer = 1,

    /// <summary>The store that sold it: brand flagship, authorised reseller or third party.</summary>
    Seller = 2,

    /// <summary>Platform staff who rule on escalated cases.</summary>
    Arbitrator = 4,

    /// <summary>The brand's service center that receives, diagnoses and repairs devices.</summary>
    ServiceCenter = 8,

    /// <summary>The engine itself: deadline expiry and automatic outcomes.</summary>
    System = 16,
}
