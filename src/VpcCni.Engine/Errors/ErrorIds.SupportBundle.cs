namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Writing a support bundle (<c>Support/SupportBundleBuilder</c>; <c>Export-VpcCniSupportBundle</c>, docs/support-bundle.md).</summary>
    public static class SupportBundle
    {
        /// <summary>The archive could not be created at the given path (no such directory, permission denied, disk full).</summary>
        public const string OutputNotWritable = "SupportBundle.OutputNotWritable";
    }
}
