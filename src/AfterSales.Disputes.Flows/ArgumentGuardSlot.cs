namespace AfterSales.Disputes.Flows;

/// <summary>An argument guard with its argument type erased, so rules of any argument type share one array.</summary>
internal sealed record ArgumentGuardSlot(string Label, Type ArgumentType, Delegate Condition);
