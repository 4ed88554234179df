import { DecimalType } from '@mikro-orm/core';

// PostgreSQL numeric arrives as a string; these columns hold money, measurements and coordinates
// well within a double's exact range.
export const numeric = () => new DecimalType('number');
