namespace AfterSales.Disputes.Disputes;

/// <summary>An uploaded file that an event references, as the platform recorded it when the event was taken.</summary>
/// <param name="Id">The file's id.</param>
/// <param name="Sha256">The hex SHA-256 of its content: what the file was when it was referenced.</param>
/// <param name="ContentType">The type its content was recognised as.</param>
public sealed record AttachedFile(string Id, string Sha256, string ContentType);

/// <summary>What an uploaded file is used for, which decides the types it may have.</summary>
public enum FileUse
{
    /// <summary>Evidence: a photo, a video or a document.</summary>
    Evidence,

    /// <summary>A proof of purchase, such as an invoice: a document or a photo of it.</summary>
    ProofOfPurchase,

    /// <summary>Photos or video of a fault.</summary>
    FaultMedia,
}

/// <summary>A file that a request or an action's details names, and what for.</summary>
/// <param name="Id">The file's id.</param>
/// <param name="Use">What it is used for.</param>
public sealed record FileReference(string Id, FileUse Use)
{
    /// <summary>Whether a file of <paramref name="contentType"/> may serve this use.</summary>
    public bool Allows(string contentType) => Use switch
    {
        FileUse.ProofOfPurchase => contentType == "application/pdf" || contentType.StartsWith("image/", StringComparison.Ordinal),
        FileUse.FaultMedia => contentType.StartsWith("image/", StringComparison.Ordinal) || contentType.StartsWith("video/", StringComparison.Ordinal),
        _ => true,
    };

    /// <summary>The types this use takes, in words.</summary>
    public string AllowedTypes => Use switch
    {
        FileUse.ProofOfPurchase => "a proof of purchase is a PDF or an image",
        FileUse.FaultMedia => "photos or video of a fault are images or videos",
        _ => "evidence is a photo, a video or a document",
    };
}

/// <summary>Details that name uploaded files; the application checks each before the action is taken.</summary>
public interface IReferencesFiles
{
    /// <summary>The files named, with what each is used for.</summary>
    IEnumerable<FileReference> FileReferences();
}
