namespace VpcCni.Engine.Support;

/// <summary>
/// One file of a support bundle: where it goes in the bundle, what it is (for progress and the
/// manifest), and how to read it. A read that throws becomes a line of the errors file, never the
/// end of the bundle.
/// </summary>
/// <param name="Path">The path inside the bundle, e.g. <c>ipamd/enis.json</c>.</param>
/// <param name="Description">What is read, e.g. <c>ip rule show</c> or <c>/etc/vpc-cni/vpc-cni.env</c>.</param>
/// <param name="Read">Produces the content.</param>
/// <param name="Content">How -Redact treats it.</param>
public sealed record SupportBundleSource(string Path, string Description, Func<CancellationToken, Task<string>> Read, SupportBundleContent Content = SupportBundleContent.Text);
