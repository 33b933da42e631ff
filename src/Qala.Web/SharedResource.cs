namespace Qala.Web;

/// <summary>The UI strings of Qala: <c>Resources/SharedResource.resx</c> (English) with its kk and ru translations.</summary>
public sealed class SharedResource;
