namespace AfterSales.Disputes.Disputes;

/// <summary>What the buyer asks for.</summary>
public enum RequestKind
{
    /// <summary>Money back; the buyer keeps the item or never got it.</summary>
    RefundOnly,

    /// <summary>Send the item back and get the money back.</summary>
    ReturnAndRefund,

    /// <summary>Send the item back and get another one.</summary>
    Exchange,

    /// <summary>Warranty or paid repair by the brand's service center.</summary>
    Repair,
}
