namespace AfterSales.Disputes.Disputes;

/// <summary>How a request is to be settled; offers and rulings can change it.</summary>
public enum Remedy
{
    /// <summary>Money back, the buyer keeps the item (or never got it).</summary>
    RefundKeepItem,

    /// <summary>The item goes back, the money comes back.</summary>
    ReturnAndRefund,

    /// <summary>A replacement; the item goes back first if the buyer has it.</summary>
    Exchange,

    /// <summary>The brand's service center repairs the device.</summary>
    Repair,
}
