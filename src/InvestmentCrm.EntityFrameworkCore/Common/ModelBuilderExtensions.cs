using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>Mapping conventions shared by the module configurations.</summary>
internal static class ModelBuilderExtensions
{
    public const int NameLength = TextRules.Name;
    public const int ShortLength = TextRules.Short;
    public const int TextLength = TextRules.Text;

    /// <summary>Money as two columns, <c>{Name}Amount</c> decimal(20,2) and <c>{Name}Currency</c> char(3).</summary>
    public static void HasMoney<T>(this EntityTypeBuilder<T> entity, System.Linq.Expressions.Expression<Func<T, Money>> property, string name)
        where T : class
    {
        entity.ComplexProperty(property, money =>
        {
            money.Property(m => m.Amount).HasColumnName(name + "Amount").HasPrecision(20, 2);
            money.Property(m => m.Currency).HasColumnName(name + "Currency").HasMaxLength(3);
        });
    }

    public static void HasSoftDelete<T>(this EntityTypeBuilder<T> entity) where T : class, ISoftDelete
    {
        entity.HasQueryFilter(InvestmentCrm.Authorization.QueryFilters.SoftDelete, e => !e.IsDeleted);
    }
}
