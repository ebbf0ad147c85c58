namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Finding and removing leaked ENIs (<c>Aws/LeakedEnis</c>; <c>Find-</c>/<c>Remove-VpcCniLeakedEni</c>).</summary>
    public static class LeakedEni
    {
        /// <summary>The grace period is negative.</summary>
        public const string InvalidGracePeriod = "LeakedEni.InvalidGracePeriod";
    }
}
