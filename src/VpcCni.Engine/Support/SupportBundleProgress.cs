namespace VpcCni.Engine.Support;

/// <summary>One step of writing a bundle, for Write-Progress.</summary>
/// <param name="Index">0-based number of the source being read.</param>
/// <param name="Count">Number of sources.</param>
/// <param name="Description">What is read now.</param>
public sealed record SupportBundleProgress(int Index, int Count, string Description)
{
    public int PercentComplete => Count == 0 ? 100 : Index * 100 / Count;
}
