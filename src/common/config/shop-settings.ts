import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

/** How the shop presents itself to customers: the emails' header, signature and footer. */
export class ShopSettings {
  /** SHOP_NAME: shown atop every email and in its subject. */
  @IsString()
  @MinLength(1, { message: 'SHOP_NAME must not be empty' })
  @MaxLength(80, { message: 'SHOP_NAME must be at most 80 characters' })
  shopName = 'orderflow shop';

  /** SUPPORT_EMAIL: the address the emails' footer tells customers to write to. */
  @IsEmail({ require_tld: false }, { message: 'SUPPORT_EMAIL must be an email address' })
  supportEmail = 'support@orderflow.local';
}
