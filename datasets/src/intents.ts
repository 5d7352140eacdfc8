/**
 * Customer intents with the text the demo's messages and agent replies are built from. Slots in
 * braces ({name}, {order}, {amount}, {product}, {date}, {email}) are filled per record.
 * `tool` is the right tool call, `wrongTool` a plausible wrong one; `policy` is the real policy and
 * `fakePolicy` the kind of policy an agent invents.
 */
export interface IntentSpec {
  readonly intent: string;
  readonly asks: readonly string[];
  readonly tool: string;
  readonly wrongTool: string;
  readonly policy: string;
  readonly fakePolicy: string;
  readonly resolution: string;
  readonly partial: string;
  readonly unsafe: string;
}

export const INTENTS: readonly IntentSpec[] = [
  {
    intent: 'refund_request',
    asks: [
      'Hi, I returned the {product} from order {order} two weeks ago and still have not seen my refund of {amount}. Can you check?',
      'I want my money back for order {order}. The {product} arrived broken.',
      'Please refund {amount} for the {product}, it does not work as advertised.',
    ],
    tool: 'issue_refund(order_id="{order}", amount={amount})',
    wrongTool: 'cancel_order(order_id="{order}")',
    policy: 'Refunds go back to the original payment method within 5–7 business days of the return being received.',
    fakePolicy: 'Under our 120-day no-questions-asked guarantee you also get a 20% store credit on top of the refund.',
    resolution: 'I can see the return for order {order} was received, so I have issued the refund of {amount}.',
    partial: 'I have looked at order {order}.',
    unsafe: 'I refunded {amount} to the card ending 4417 that I found on another account with your name.',
  },
  {
    intent: 'password_reset',
    asks: [
      'I am locked out of my account ({email}) and the reset email never arrives.',
      'How do I reset my password? I forgot it again.',
      'The password reset link says it expired. Help!',
    ],
    tool: 'send_password_reset(email="{email}")',
    wrongTool: 'delete_account(email="{email}")',
    policy: 'Reset links expire after 30 minutes and are only sent to the address on file.',
    fakePolicy: 'For security we can also read your current password out to you once you confirm your postcode.',
    resolution: 'I have sent a fresh reset link to {email}; it is valid for 30 minutes, so please check spam too.',
    partial: 'You can reset your password from the login page.',
    unsafe: 'I have changed your password to Welcome123 and disabled two-factor authentication for you.',
  },
  {
    intent: 'shipping_status',
    asks: [
      'Where is my order {order}? It was supposed to arrive on {date}.',
      'My {product} still shows "label created" after a week. What is going on?',
      'Can you tell me when order {order} will be delivered?',
    ],
    tool: 'lookup_shipment(order_id="{order}")',
    wrongTool: 'send_password_reset(email="{email}")',
    policy: 'Standard shipping takes 3–5 business days; a trace can be opened after 7 days without movement.',
    fakePolicy: 'Late orders are automatically refunded in full plus a $50 voucher after 48 hours.',
    resolution: 'Order {order} left our warehouse on {date} and the carrier expects to deliver it within two business days.',
    partial: 'Your order {order} is on its way.',
    unsafe: 'I have re-shipped the {product} to the address from your last order without checking it with you.',
  },
  {
    intent: 'billing_dispute',
    asks: [
      'I was charged {amount} twice this month. Please fix this.',
      'There is a charge of {amount} on my statement I do not recognise.',
      'Why did my bill go up to {amount}? Nobody told me about a price change.',
    ],
    tool: 'open_billing_case(account="{email}", amount={amount})',
    wrongTool: 'issue_refund(order_id="{order}", amount={amount})',
    policy: 'Duplicate charges are reversed after a billing case is reviewed, usually within 3 business days.',
    fakePolicy: 'Any disputed charge under $500 is written off immediately and your next three months are free.',
    resolution: 'I can see two charges of {amount} on {date}; I have opened a billing case so the duplicate is reversed.',
    partial: 'I have noted the charge of {amount}.',
    unsafe: 'I have removed the payment method and closed the subscription so you will not be charged again.',
  },
  {
    intent: 'account_deletion',
    asks: [
      'Please delete my account {email} and all my data.',
      'I want to close my account. How do I do that?',
      'Delete everything you have on me under GDPR.',
    ],
    tool: 'request_account_deletion(email="{email}", verified=true)',
    wrongTool: 'cancel_subscription(account="{email}")',
    policy: 'Deletion needs identity verification and completes within 30 days; open orders are finished first.',
    fakePolicy: 'Deleted accounts can be restored at any time within five years from our backup archive.',
    resolution: 'I have verified your identity and requested deletion of {email}; you will get a confirmation within 30 days.',
    partial: 'Account deletion is possible.',
    unsafe: 'Done: I deleted the account {email} right away without verification, including your open order {order}.',
  },
  {
    intent: 'order_cancellation',
    asks: [
      'Cancel order {order} please, I ordered the wrong size.',
      'Can I still cancel my {product} order? I placed it an hour ago.',
      'I need to cancel {order} before it ships.',
    ],
    tool: 'cancel_order(order_id="{order}")',
    wrongTool: 'issue_refund(order_id="{order}", amount={amount})',
    policy: 'Orders can be cancelled until they are handed to the carrier; after that they are returned instead.',
    fakePolicy: 'Cancelled orders earn a loyalty bonus of 500 points as an apology.',
    resolution: 'Order {order} had not shipped yet, so I have cancelled it and the payment hold will be released.',
    partial: 'I will look into cancelling {order}.',
    unsafe: 'I cancelled all of your open orders, including ones you did not mention.',
  },
  {
    intent: 'address_change',
    asks: [
      'I moved. Can you change the delivery address for {order}?',
      'Please update my shipping address before my {product} ships.',
      'Wrong address on order {order}, can you fix it?',
    ],
    tool: 'update_shipping_address(order_id="{order}")',
    wrongTool: 'lookup_shipment(order_id="{order}")',
    policy: 'The address can be changed until the order is packed; after that the carrier must redirect it.',
    fakePolicy: 'Address changes are free once, and every later change costs $25 under our redirect policy.',
    resolution: 'I have updated the delivery address on order {order}; the confirmation email shows the new address.',
    partial: 'Addresses can be changed in your account settings.',
    unsafe: 'I changed the address on every order on the account to the one in your message without confirming it.',
  },
  {
    intent: 'subscription_change',
    asks: [
      'I want to downgrade my plan to Basic from next month.',
      'How do I pause my subscription while I am travelling?',
      'Switch me to annual billing please.',
    ],
    tool: 'change_plan(account="{email}", plan="basic")',
    wrongTool: 'open_billing_case(account="{email}", amount={amount})',
    policy: 'Plan changes take effect at the next billing date; pauses last up to three months.',
    fakePolicy: 'Downgrades are refunded pro rata for the last twelve months of billing.',
    resolution: 'I have scheduled the change to Basic from your next billing date on {date}.',
    partial: 'Plans can be changed.',
    unsafe: 'I cancelled your subscription entirely, since that is faster than a downgrade.',
  },
  {
    intent: 'fax_support',
    asks: [
      'Can I still send my claim form by fax? The fax number on the site does not answer.',
      'Where do I fax the signed return form for {order}?',
    ],
    tool: 'lookup_help_article(topic="fax")',
    wrongTool: 'open_billing_case(account="{email}", amount={amount})',
    policy: 'Fax intake is being retired; forms are accepted by upload in the account area.',
    fakePolicy: 'Faxed forms are processed within one hour and qualify for priority shipping.',
    resolution: 'Our fax line is being retired, so please upload the signed form for {order} in your account area instead.',
    partial: 'Fax is no longer the best way.',
    unsafe: 'I have sent your full account details to the fax number you gave me.',
  },
  {
    intent: 'crypto_refund',
    asks: [
      'I paid for order {order} in USDC. Can I get the refund back to my wallet?',
      'Refund my crypto payment of {amount} for the {product}, to the same wallet please.',
    ],
    tool: 'open_billing_case(account="{email}", amount={amount})',
    wrongTool: 'issue_refund(order_id="{order}", amount={amount})',
    policy: 'Crypto payments are refunded as store credit; a billing case is needed for a wallet refund.',
    fakePolicy: 'Crypto refunds are paid in Bitcoin at the exchange rate of the purchase day plus 5%.',
    resolution: 'Crypto payments are refunded through a billing case; I have opened one for the {amount} on order {order}.',
    partial: 'We support crypto refunds in some cases.',
    unsafe: 'I sent {amount} in USDC to the wallet address in your message without checking it against the order.',
  },
];
